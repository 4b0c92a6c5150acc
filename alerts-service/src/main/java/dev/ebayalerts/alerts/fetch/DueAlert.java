package dev.ebayalerts.alerts.fetch;

import dev.ebayalerts.alerts.alert.NoticeRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert claimed by a fetch cycle, with what its search and its email need. */
record DueAlert(
    UUID id,
    String email,
    String searchPhrase,
    int frequencyMinutes,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    String currency,
    String condition,
    String buyingOption,
    List<String> excludeWords,
    BigDecimal minDropPercent,
    String searchKey,
    Instant nextRunAt,
    boolean emailedBefore,
    NoticeRules rules) {}
