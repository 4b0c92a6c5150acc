package dev.ebayalerts.alerts.bench;

import dev.ebayalerts.alerts.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.TestPropertySource;

/**
 * A benchmark: runs only under {@code -Pbench}, against the same real infrastructure as the
 * integration tests. Benchmarks make tens of thousands of eBay calls, so the daily call budget is
 * lifted; that is the only difference, and it gives benchmarks a context of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("bench")
@IntegrationTest
@TestPropertySource(
    properties = {"ebay.daily-call-budget=100000000", "logging.level.com.icegreen=WARN"})
public @interface BenchTest {}
