package dev.ebayalerts.ebaymock.oauth;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ebayalerts.ebaymock.MockApiTests;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class TokenEndpointTests extends MockApiTests {

  private static final String FORM =
      "grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope";

  @Test
  void issuesShortLivedApplicationTokenForTheClientCredentials() throws Exception {
    mvc.perform(
            post("/identity/v1/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, BASIC_AUTH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(FORM))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.access_token", startsWith("v^1.1#")))
        .andExpect(jsonPath("$.expires_in").value(600))
        .andExpect(jsonPath("$.token_type").value("Application Access Token"));
  }

  @Test
  void rejectsWrongCredentialsAsInvalidClient() throws Exception {
    mvc.perform(
            post("/identity/v1/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic d3Jvbmc6d3Jvbmc=")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(FORM))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("invalid_client"))
        .andExpect(jsonPath("$.error_description").value("client authentication failed"));
  }

  @Test
  void rejectsMissingBasicAuthenticationAsInvalidClient() throws Exception {
    mvc.perform(
            post("/identity/v1/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(FORM))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("invalid_client"));
  }

  @Test
  void rejectsBodiesThatAreNotFormEncoded() throws Exception {
    mvc.perform(
            post("/identity/v1/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, BASIC_AUTH)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"grant_type\":\"client_credentials\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid_request"));
  }

  @Test
  void rejectsOtherGrantTypes() throws Exception {
    mvc.perform(
            post("/identity/v1/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, BASIC_AUTH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=authorization_code&code=abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("unsupported_grant_type"));
  }

  @Test
  void rejectsScopesOutsideThePublicApiScope() throws Exception {
    mvc.perform(
            post("/identity/v1/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, BASIC_AUTH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(
                    "grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.inventory"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid_scope"));
  }
}
