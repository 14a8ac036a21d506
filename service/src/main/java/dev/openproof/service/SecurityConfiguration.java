package dev.openproof.service;

import dev.openproof.spring.OpenProofProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: the public data (the JWK Set, the status lists, the verification page, the API
 * document) and health are open; everything else needs {@code Authorization: Bearer <api key>}, or
 * a JWT of the company's identity provider where {@code spring.security.oauth2.resourceserver.jwt.*}
 * is set.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  ApiKeys apiKeys(ServiceProperties service, OpenProofProperties openproof) {
    List<String> hashes = service.getApiKeyHashes();
    return hashes.isEmpty() ? ApiKeys.inFolder(openproof.getDir()) : ApiKeys.ofHashes(hashes);
  }

  @Bean
  AuthenticationManagerResolver<HttpServletRequest> bearerAuthentication(ApiKeys keys, ObjectProvider<JwtDecoder> jwt) {
    JwtDecoder decoder = jwt.getIfAvailable();
    JwtAuthenticationProvider jwtProvider = decoder == null ? null : new JwtAuthenticationProvider(decoder);
    AuthenticationManager manager = authentication -> {
      String token = ((BearerTokenAuthenticationToken) authentication).getToken();
      if (keys.matches(token)) {
        return UsernamePasswordAuthenticationToken.authenticated("api-key", null, AuthorityUtils.createAuthorityList("ROLE_API"));
      }
      if (jwtProvider != null && token.chars().filter(c -> c == '.').count() == 2) {
        return jwtProvider.authenticate(authentication);
      }
      throw new InvalidBearerTokenException("the bearer token is not a valid API key");
    };
    return request -> manager;
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> bearer)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/jwks.json", "/status/*", "/verify", "/verify.html", "/v3/api-docs", "/v3/api-docs/**",
                "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(HttpMethod.OPTIONS, "/status/*").permitAll()
            .requestMatchers("/error").permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o.authenticationManagerResolver(bearer));
    return http.build();
  }
}
