package dev.ebayalerts.ebaymock.images;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /images/{name}.png}: the listing pictures the search answers link. A picture never
 * changes for its name, so browsers and mail clients may keep it for a year.
 */
@RestController
class ThumbnailController {

  private final Thumbnails thumbnails;

  ThumbnailController(Thumbnails thumbnails) {
    this.thumbnails = thumbnails;
  }

  @GetMapping("/images/{fileName}")
  ResponseEntity<byte[]> image(@PathVariable String fileName) {
    return thumbnails
        .png(fileName)
        .map(
            png ->
                ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                    .body(png))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
