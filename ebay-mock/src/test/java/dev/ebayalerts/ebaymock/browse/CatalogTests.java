package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTests {

  @ParameterizedTest
  @CsvSource({
    "Nintendo Switch OLED, Nintendo Switch OLED, 300, 139971",
    "switch oled white, Nintendo Switch OLED White, 300, 139971",
    "nintendo switch, Nintendo Switch, 230, 139971",
    "ps5, Sony PS5, 420, 139971",
    "playstation 5 digital, Sony PlayStation 5 Digital, 420, 139971",
    "iphone 13, Apple iPhone 13, 350, 9355",
    "macbook air m2, Apple MacBook Air M2, 700, 111422",
    "airpods pro, Apple AirPods Pro, 150, 112529",
    "dji mini, DJI Mini, 400, 179697",
    "lego millennium falcon, LEGO Millennium Falcon, 350, 19006",
    "gameboy color, Nintendo GameBoy Color, 80, 139971"
  })
  void knowsWellKnownProductsByTheirWords(
      String phrase, String title, double typicalUsd, String categoryId) {
    Catalog.Product product = Catalog.productFor(SearchQuery.parse(phrase));

    assertThat(product.title()).isEqualTo(title);
    assertThat(product.typicalUsd()).isEqualTo(typicalUsd);
    assertThat(product.department().product().id()).isEqualTo(categoryId);
  }

  @Test
  void putsAccessoriesInOtherCategoriesThanTheProduct() {
    Catalog.Product product = Catalog.productFor(SearchQuery.parse("iphone 13"));

    assertThat(product.accessoryShare()).isBetween(0.10, 0.25);
    assertThat(product.department().accessories())
        .extracting(Catalog.Accessory::kind)
        .contains(
            Catalog.AccessoryKind.CASE,
            Catalog.AccessoryKind.SCREEN_PROTECTOR,
            Catalog.AccessoryKind.CHARGER,
            Catalog.AccessoryKind.BOX_ONLY,
            Catalog.AccessoryKind.REPLACEMENT_PARTS);
    assertThat(product.department().accessories())
        .allSatisfy(
            accessory ->
                assertThat(accessory.category().isWithin(product.department().product().id()))
                    .isFalse());
  }

  @Test
  void sellsPhonesAndClothesWithVariationsButNotConsoles() {
    assertThat(Catalog.productFor(SearchQuery.parse("iphone 13")).groupShare()).isBetween(0.2, 0.4);
    assertThat(Catalog.productFor(SearchQuery.parse("hoodie")).groupShare()).isBetween(0.2, 0.4);
    assertThat(Catalog.productFor(SearchQuery.parse("ps5")).groupShare()).isZero();
  }

  @Test
  void pricesUnknownPhrasesStablyInASensibleRange() {
    for (int i = 0; i < 200; i++) {
      SearchQuery query = SearchQuery.parse("gizmo model " + i);
      Catalog.Product product = Catalog.productFor(query);
      assertThat(product.typicalUsd()).isBetween(15.0, 600.0);
      assertThat(Catalog.productFor(SearchQuery.parse(i + " MODEL Gizmo")).typicalUsd())
          .isEqualTo(product.typicalUsd());
      assertThat(product.title()).isEqualTo(i + " Gizmo Model");
    }
  }
}
