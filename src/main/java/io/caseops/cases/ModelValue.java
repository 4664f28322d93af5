package io.caseops.cases;

import java.util.Arrays;
import java.util.List;

/**
 * An enum whose constants stand in the models and forms as strings: a form's select values, a
 * gateway's condition, an input parameter. {@code ModelVocabularyTest} checks that the models use
 * exactly these strings.
 */
interface ModelValue {

  /** The string the models, forms and read model use. */
  String value();

  /** The constant for a model's string; a string no constant has is a broken model or form. */
  static <E extends Enum<E> & ModelValue> E of(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.value().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        type.getSimpleName() + " must be one of " + values(type) + ", got '" + value + "'");
  }

  static <E extends Enum<E> & ModelValue> List<String> values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ModelValue::value).toList();
  }
}
