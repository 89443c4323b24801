package dev.paymux.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The seed's envelope: {@code {"success":true,"data":...}} or {@code {"success":false,"error":"..."}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, String error) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static ApiResponse<Void> error(String message) {
        return new ApiResponse<>(false, null, message);
    }
}
