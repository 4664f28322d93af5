package io.caseops.cases;

/**
 * The longest texts a case takes, in one place: the API's checks and the engineer's form checks
 * read them, the forms' {@code maxLength} and the columns of the read model must agree ({@code
 * TextLimitsTest} checks both).
 */
final class TextLimits {

  /** A case's subject. */
  public static final int SUBJECT = 200;

  /**
   * A description, message, reply, internal note, RCA document, critical-situation summary or
   * reopen reason.
   */
  public static final int TEXT = 20_000;

  /** The engineer's reason for a reclassification. */
  public static final int REASON = 500;

  /**
   * What a column holds beyond the text: the heading CaseOps writes before it ("reclassified by
   * emma: ...").
   */
  public static final int HEADING = 300;

  private TextLimits() {}
}
