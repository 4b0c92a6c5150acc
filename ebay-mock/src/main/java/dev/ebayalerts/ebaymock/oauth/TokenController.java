package dev.ebayalerts.ebaymock.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ebayalerts.ebaymock.EbayMockProperties;
import dev.ebayalerts.ebaymock.RequestStats;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * eBay's client-credentials grant ({@code POST /identity/v1/oauth2/token}), checking the request in
 * the order and with the error bodies eBay uses.
 */
@RestController
class TokenController {

  static final String API_SCOPE = "https://api.ebay.com/oauth/api_scope";

  private final AccessTokens tokens;
  private final RequestStats stats;
  private final String expectedAuthorization;

  TokenController(AccessTokens tokens, RequestStats stats, EbayMockProperties properties) {
    this.tokens = tokens;
    this.stats = stats;
    String credentials = properties.clientId() + ":" + properties.clientSecret();
    this.expectedAuthorization =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/identity/v1/oauth2/token")
  ResponseEntity<?> token(
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(name = "grant_type", required = false) String grantType,
      @RequestParam(name = "scope", required = false) String scope) {
    stats.tokenRequested();
    if (!isForm(contentType)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "invalid_request",
          "request is missing a required parameter or malformed.");
    }
    if (!expectedAuthorization.equals(authorization)) {
      return error(HttpStatus.UNAUTHORIZED, "invalid_client", "client authentication failed");
    }
    if (!"client_credentials".equals(grantType)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "unsupported_grant_type",
          "grant type in request is not supported by the authorization server");
    }
    if (scope != null && !Arrays.stream(scope.trim().split("\\s+")).allMatch(API_SCOPE::equals)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "invalid_scope",
          "The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the"
              + " client");
    }
    AccessTokens.Issued issued = tokens.issue();
    return ResponseEntity.ok(
        new TokenResponse(issued.token(), issued.expiresInSeconds(), "Application Access Token"));
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
    } catch (IllegalArgumentException invalid) {
      return false;
    }
  }

  private static ResponseEntity<OAuthError> error(
      HttpStatus status, String error, String description) {
    return ResponseEntity.status(status).body(new OAuthError(error, description));
  }

  record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("token_type") String tokenType) {}

  record OAuthError(
      @JsonProperty("error") String error,
      @JsonProperty("error_description") String errorDescription) {}
}
