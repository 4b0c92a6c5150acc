package dev.ebayalerts.ebaymock.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.EbayMockProperties;
import dev.ebayalerts.ebaymock.MockApiTests;
import dev.ebayalerts.testing.compose.ComposeChecks;
import dev.ebayalerts.testing.compose.ComposeEnvironment;
import dev.ebayalerts.testing.compose.ComposeFile;
import dev.ebayalerts.testing.compose.EnvFile;
import dev.ebayalerts.testing.compose.PropertyNames;
import dev.ebayalerts.testing.compose.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;

/**
 * The environment docker-compose.yml gives the ebay-mock container, against what the mock reads.
 */
class ComposeEnvironmentTests extends MockApiTests {

  private static final String SERVICE = "ebay-mock";

  @Autowired ConfigurableApplicationContext context;

  @Test
  void everyVariableComposeGivesItSetsAPropertyItReads() {
    assertThat(
            ComposeChecks.unboundVariables(
                Repository.composeFile(), SERVICE, PropertyNames.of(context)))
        .isEmpty();
  }

  @Test
  void reportsAVariableThatSetsNothing(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("docker-compose.yml");
    Files.writeString(
        broken,
        Files.readString(Repository.composeFile())
            .replace("      EBAYMOCK_PUBLICURL: ", "      EBAYMOCK_PUBLIC_URL: "));

    // ebay-mock.public.url: a property of nothing
    assertThat(ComposeChecks.unboundVariables(broken, SERVICE, PropertyNames.of(context)))
        .containsExactly("ebay-mock: EBAYMOCK_PUBLIC_URL sets no property ebay-mock reads");
  }

  @Test
  void bindsThePublicUrlOfTheEnvFile() {
    Map<String, Object> environment =
        new HashMap<>(
            ComposeFile.read(Repository.composeFile())
                .environment(SERVICE, EnvFile.read(Repository.envExample()).values()));
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(ComposeEnvironment.source(environment));

    EbayMockProperties properties =
        new Binder(ConfigurationPropertySources.from(sources))
            .bindOrCreate("ebay-mock", EbayMockProperties.class);

    assertThat(properties.publicUrl()).isEqualTo("http://localhost:8090");
  }
}
