package dev.ebayalerts.ebaymock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class FaultInjectionTests extends MockApiTests {

  private String token;

  @BeforeEach
  void obtainToken() throws Exception {
    token = token();
  }

  @Test
  void answersTooManyRequestsWithRetryAfterAsOftenAsAsked() throws Exception {
    inject("{\"rateLimitCount\":2,\"retryAfterSeconds\":7}");
    for (int i = 0; i < 2; i++) {
      mvc.perform(search(token).param("q", "drone"))
          .andExpect(status().isTooManyRequests())
          .andExpect(header().string("Retry-After", "7"))
          .andExpect(jsonPath("$.errors[0].errorId").value(2001))
          .andExpect(jsonPath("$.errors[0].message").value("Too many requests."));
    }
    mvc.perform(search(token).param("q", "drone")).andExpect(status().isOk());
  }

  @Test
  void answersServerErrorsUntilTheCountRunsOut() throws Exception {
    inject("{\"serverErrorCount\":1}");
    mvc.perform(search(token).param("q", "drone"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.errors[0].errorId").value(12000));
    mvc.perform(search(token).param("q", "drone")).andExpect(status().isOk());
  }

  @Test
  void keepsFailingWhenAskedToAlways() throws Exception {
    inject("{\"serverErrorCount\":-1}");
    for (int i = 0; i < 3; i++) {
      mvc.perform(search(token).param("q", "drone")).andExpect(status().isInternalServerError());
    }
    mvc.perform(get("/admin/faults")).andExpect(jsonPath("$.serverErrorCount").value(-1));
  }

  @Test
  void expiresTheTokensItIssued() throws Exception {
    inject("{\"expiredTokenCount\":1}");
    mvc.perform(search(token).param("q", "drone"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.errors[0].errorId").value(1001));
    // The token stays dead; a new one works.
    mvc.perform(search(token).param("q", "drone")).andExpect(status().isUnauthorized());
    mvc.perform(search(token()).param("q", "drone")).andExpect(status().isOk());
  }

  @Test
  void sendsTruncatedJson() throws Exception {
    inject("{\"malformedCount\":1}");
    String body =
        mvc.perform(search(token).param("q", "drone"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThatThrownBy(() -> JsonMapper.shared().readTree(body))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void leavesOutPricesAndImagesOfSomeItems() throws Exception {
    inject("{\"incompleteItemsEvery\":3}");
    String body =
        mvc.perform(search(token).param("q", "drone").param("limit", "6"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> items = read(body, "$.itemSummaries");
    assertThat(items.get(0)).doesNotContainKeys("price", "currentBidPrice").containsKey("image");
    assertThat(items.get(1)).doesNotContainKeys("image", "thumbnailImages").containsKey("price");
    assertThat(items.get(2)).containsKeys("price", "image");
    assertThat(items.get(3)).doesNotContainKey("price");
  }

  @Test
  void resetsToTheConfiguredFaults() throws Exception {
    inject("{\"latencyMs\":5,\"rateLimitCount\":3}");
    mvc.perform(get("/admin/faults"))
        .andExpect(jsonPath("$.latencyMs").value(5))
        .andExpect(jsonPath("$.rateLimitCount").value(3));
    mvc.perform(delete("/admin/faults"))
        .andExpect(jsonPath("$.latencyMs").value(0))
        .andExpect(jsonPath("$.rateLimitCount").value(0));
    mvc.perform(search(token).param("q", "drone")).andExpect(status().isOk());
  }

  @Test
  void rejectsNonsensicalFaults() throws Exception {
    mvc.perform(
            post("/admin/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"serverErrorCount\":-7}"))
        .andExpect(status().isBadRequest());
  }

  private void inject(String json) throws Exception {
    mvc.perform(post("/admin/faults").contentType(MediaType.APPLICATION_JSON).content(json))
        .andExpect(status().isOk());
  }
}
