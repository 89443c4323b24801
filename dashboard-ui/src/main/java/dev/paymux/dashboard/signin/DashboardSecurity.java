package dev.paymux.dashboard.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for {@code /dashboard/**} only: the merchant and admin APIs, callbacks and the
 * customer's pages keep their own authentication and are not touched. Form sign-in, CSRF on every
 * change, sign-out by POST, sessions in PostgreSQL, and headers that keep the pages unframed.
 */
@Configuration
@EnableWebSecurity
class DashboardSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain dashboard(HttpSecurity http, SignIns signIns) throws Exception {
        http.securityMatcher("/dashboard", "/dashboard/**")
                // Only this provider, once: a manager built by HttpSecurity would also ask the global one,
                // counting each wrong password twice.
                .authenticationManager(new ProviderManager(signIns))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/dashboard/login", "/dashboard/assets/**").permitAll()
                        .requestMatchers("/dashboard/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/dashboard/login").loginProcessingUrl("/dashboard/login")
                        .usernameParameter("email").passwordParameter("password")
                        .authenticationDetailsSource(request -> new SignInDetails(request.getParameter("code")))
                        .defaultSuccessUrl("/dashboard", true)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                "/dashboard/login?" + (e instanceof LockedException ? "locked"
                                        : e instanceof DisabledException ? "disabled" : "error"))))
                .logout(l -> l.logoutUrl("/dashboard/logout").logoutSuccessUrl("/dashboard/login?signed-out"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .frameOptions(f -> f.deny())
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
