package io.caseops.system.web;

import java.util.List;

/**
 * A request with bad input: each problem names the field or parameter and the rule it breaks.
 * Answered with 400.
 */
public class BadRequestException extends RuntimeException {

  /** One bad field or parameter and the rule it breaks. */
  public record Problem(String field, String rule) {}

  private final List<Problem> problems;

  public BadRequestException(List<Problem> problems) {
    super(
        problems.stream()
            .map(problem -> problem.field() + ": " + problem.rule())
            .reduce((a, b) -> a + "; " + b)
            .orElse("bad request"));
    this.problems = List.copyOf(problems);
  }

  public static BadRequestException of(String field, String rule) {
    return new BadRequestException(List.of(new Problem(field, rule)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
