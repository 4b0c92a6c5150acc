package dev.ebayalerts.ebaymock;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ebayalerts.ebaymock.faults.Faults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One application context shared by the mock's web tests: the clock stands still so answers are
 * reproducible, and each test leaves faults, clock and counters as it found them.
 */
@SpringBootTest(properties = "ebay-mock.fixed-time=" + MockApiTests.NOW)
@AutoConfigureMockMvc
public abstract class MockApiTests {

  protected static final String NOW = "2025-06-02T12:00:00Z";
  protected static final String BASIC_AUTH =
      "Basic bW9jay1jbGllbnQtaWQ6bW9jay1jbGllbnQtc2VjcmV0"; // mock-client-id:mock-client-secret

  @Autowired protected MockMvc mvc;
  @Autowired protected Faults faults;
  @Autowired protected MockClock clock;
  @Autowired protected RequestStats stats;

  @AfterEach
  void restoreMock() {
    faults.reset();
    clock.reset();
    stats.reset();
  }

  protected String token() throws Exception {
    String body =
        mvc.perform(
                post("/identity/v1/oauth2/token")
                    .header(HttpHeaders.AUTHORIZATION, BASIC_AUTH)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content(
                        "grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.access_token");
  }

  protected MockHttpServletRequestBuilder search(String token) {
    return get("/buy/browse/v1/item_summary/search")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }

  protected static <T> T read(String json, String path) {
    return JsonPath.read(json, path);
  }

  /** The body of a search that must succeed with JSON. */
  protected String body(RequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("json")))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  protected static List<String> itemIds(String body) {
    return read(body, "$.itemSummaries[*].itemId");
  }

  /** The item summaries of a search answer, as maps. */
  protected static List<Map<String, Object>> items(String body) {
    return read(body, "$.itemSummaries");
  }
}
