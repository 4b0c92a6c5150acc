package dev.ebayalerts.alerts.alert;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores exclude words space-separated: a word never contains whitespace (validated). */
@Converter
class WordListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> words) {
    return words == null ? "" : String.join(" ", words);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(" "));
  }
}
