package io.caseops.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The one source of "now" for CaseOps code: the engine's clock. Tests move it with {@link
 * ClockUtil}, and timers, due dates and CaseOps' own timestamps all move with it. Inject this
 * instead of calling {@code Instant.now()}.
 */
@Component
public class EngineClock extends Clock {

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("CaseOps keeps instants in UTC; convert at the edge");
  }

  @Override
  public Instant instant() {
    return EngineInternals.now();
  }
}
