package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.channel.ChannelView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.data.domain.Page;

@Schema(description = "One page of alerts")
record AlertPage(
    List<AlertResponse> content,
    @Schema(example = "0", description = "Zero-based page number") int page,
    @Schema(example = "20") int size,
    @Schema(example = "42") long totalElements,
    @Schema(example = "3") int totalPages) {

  static AlertPage from(
      Page<Alert> page,
      Map<UUID, List<ChannelView>> channels,
      Predicate<String> addressConfirmed,
      FeedLinks feeds) {
    Map<String, Boolean> confirmed = new HashMap<>(); // one lookup per address on the page
    return new AlertPage(
        page.map(
                alert ->
                    AlertResponse.from(
                        alert,
                        confirmed.computeIfAbsent(alert.getEmail(), addressConfirmed::test),
                        channels.getOrDefault(alert.getId(), List.of()),
                        feeds))
            .getContent(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
