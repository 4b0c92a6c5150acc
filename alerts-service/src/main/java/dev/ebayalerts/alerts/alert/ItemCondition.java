package dev.ebayalerts.alerts.alert;

/** Which listing condition an alert wants; {@code ANY} applies no condition filter. */
enum ItemCondition {
  NEW,
  USED,
  ANY
}
