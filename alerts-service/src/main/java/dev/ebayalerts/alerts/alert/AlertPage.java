package dev.ebayalerts.alerts.alert;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.data.domain.Page;

@Schema(description = "One page of alerts")
record AlertPage(
    List<AlertResponse> content,
    @Schema(example = "0", description = "Zero-based page number") int page,
    @Schema(example = "20") int size,
    @Schema(example = "42") long totalElements,
    @Schema(example = "3") int totalPages) {

  static AlertPage from(Page<AlertViews.View> page, FeedLinks feeds) {
    return new AlertPage(
        page.map(
                view ->
                    AlertResponse.from(
                        view.alert(), view.addressConfirmed(), view.channels(), feeds))
            .getContent(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
