package dev.paymux.dashboard.signin;

import java.io.Serializable;

/** What the sign-in form sends besides e-mail and password: the one-time code, when the user has one. */
record SignInDetails(String code) implements Serializable {
}
