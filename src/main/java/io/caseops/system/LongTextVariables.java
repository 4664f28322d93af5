package io.caseops.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * String variables longer than the engine's text column (4,000 characters in {@code ACT_RU_VARIABLE.TEXT_} and in the
 * history tables) are stored as UTF-8 bytes in {@code ACT_GE_BYTEARRAY} instead, and read back as ordinary Strings.
 *
 * <p>Why: Tasklist submits every text field of a Camunda Form as a String variable, so an engineer's long reply, note
 * or RCA document would otherwise fail the whole task completion with "value too long", on H2 and PostgreSQL alike.
 * Shorter strings keep the engine's own serializer and stay readable and searchable in Cockpit. The stored type name is
 * {@value #NAME}: remove this plugin only after no variable of that type is left, in runtime and history.
 */
@Component
public class LongTextVariables extends AbstractProcessEnginePlugin {

  /** The engine's text columns hold 4,000 characters (varchar(4000) on H2 and PostgreSQL). */
  public static final int TEXT_COLUMN = 4000;
  static final String NAME = "caseops-long-string";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreVariableSerializers() == null) {
      configuration.setCustomPreVariableSerializers(new ArrayList<>());
    }
    configuration.getCustomPreVariableSerializers().add(new Serializer());
  }

  /** A second serializer of the String type, for the long ones only. */
  static final class Serializer extends PrimitiveValueSerializer<StringValue> {

    Serializer() {
      super(ValueType.STRING);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value.getValue() instanceof String text && text.length() > TEXT_COLUMN;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
      return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
    }

    @Override
    public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
      byte[] bytes = valueFields.getByteArrayValue();
      return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
    }

    @Override
    public void writeValue(StringValue value, ValueFields valueFields) {
      valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }
  }
}
