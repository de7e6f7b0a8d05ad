package despatch.lambda.wiring;

import despatch.office.MailingListsSetting;
import despatch.office.Office;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The values of every {@link Setting}, checked for one function: a missing one fails the cold start with its name. */
public final class Settings {
    private final Map<Setting, String> values;

    private Settings(Map<Setting, String> values) {
        this.values = values;
    }

    public static Settings from(Map<String, String> environment, Setting.Function function) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        List<String> missing = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.name());
            if (value == null || value.isBlank()) {
                value = setting.defaultValue();
            }
            if (value == null && setting.requiredBy().contains(function)) {
                missing.add(setting.name());
            }
            if (value != null) {
                values.put(setting, value.strip());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(function + " is missing environment variables " + missing
                    + "; template.yaml sets them for deployed functions, ./despatch up for local ones.");
        }
        return new Settings(values);
    }

    public String get(Setting setting) {
        String value = values.get(setting);
        if (value == null) {
            throw new IllegalStateException(setting.name() + " is not set; " + setting.description());
        }
        return value;
    }

    /** The value, or empty when unset and without a default. */
    public String optional(Setting setting) {
        return values.getOrDefault(setting, "");
    }

    public boolean flag(Setting setting) {
        return Boolean.parseBoolean(values.getOrDefault(setting, "false"));
    }

    public int number(Setting setting) {
        try {
            int value = Integer.parseInt(get(setting));
            if (value < 1) {
                throw new NumberFormatException("below 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(setting.name() + " must be a whole number of at least 1, not '" + get(setting) + "'");
        }
    }

    /** A number, fractions allowed, where 0 means none (SEND_RATE_CAP: no cap). */
    public double decimalOrZero(Setting setting) {
        try {
            double value = Double.parseDouble(get(setting));
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new NumberFormatException("not a number of at least 0");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(setting.name() + " must be a number of at least 0, not '" + get(setting) + "'");
        }
    }

    public Office office() {
        List<String> address = Arrays.stream(get(Setting.OFFICE_POSTAL_ADDRESS).split("\\|"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        return new Office(get(Setting.OFFICE_NAME), address, get(Setting.SITE_BASE_URL),
                MailingListsSetting.parse(get(Setting.LISTS)), get(Setting.MEDIA_CONTACT),
                Locale.forLanguageTag(get(Setting.SITE_LANGUAGE)), ZoneId.of(get(Setting.TIME_ZONE)), optional(Setting.PUBLIC_API_URL));
    }
}
