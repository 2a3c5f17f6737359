package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.p2psim.scenario.spec.DeviceSpec;
import org.p2psim.scenario.spec.NetSpec;
import org.p2psim.sync.registry.Strategies;

/**
 * The defaults scenarios/README.md documents are the ones declared in the spec records
 * ({@link DeviceSpec#DEFAULTS}, {@link NetSpec#DEFAULTS}, {@link SyncSpec#DEFAULT}) and the
 * registered strategies' parameter records: this fails when they drift apart.
 */
class ScenarioReadmeDefaultsTest {

    private static String readme() throws Exception {
        return Files.readString(ScenarioFiles.directories().get(0).resolve("README.md"));
    }

    private static Scenario reference() throws Exception {
        String text = readme();
        int start = text.indexOf("```yaml") + 7;
        return Scenario.parse(text.substring(start, text.indexOf("```", start)), "scenarios/README.md");
    }

    @Test
    void theReferenceShowsTheDeclaredDeviceNetAndSyncDefaults() throws Exception {
        Scenario s = reference();
        assertEquals(DeviceSpec.DEFAULTS.withCount(s.devices().count()), s.devices());
        assertEquals(NetSpec.DEFAULTS, s.net());
        assertEquals(SyncSpec.DEFAULT, s.sync());
        assertEquals(org.p2psim.scenario.spec.HostileSpec.NONE, s.hostile());
    }

    @Test
    void theOtherStrategiesLineShowsTheirDeclaredDefaults() throws Exception {
        Matcher line = Pattern.compile("(?m)^\\s*#\\s+([a-z-]+):\\s+(.*)$").matcher(readme());
        int checked = 0;
        while (line.find()) {
            String name = line.group(1);
            if (!Strategies.names().contains(name) || !line.group(2).matches("[A-Za-z]+ [^,]+(, [A-Za-z]+ [^,]+)*")) {
                continue;
            }
            Map<String, String> documented = new LinkedHashMap<>();
            for (String pair : line.group(2).split(", ")) {
                String[] kv = pair.split(" ", 2);
                documented.put(kv[0], kv[1].replaceAll(" \\(.*\\)$", ""));
            }
            Map<String, Object> declared = SyncSpec.of(name).parameterValues();
            documented.forEach((key, value) ->
                    assertEquals(String.valueOf(declared.get(key)), value, "scenarios/README.md: default of " + name + "." + key));
            checked++;
        }
        assertTrue(checked >= 5, "expected a defaults line per other strategy in scenarios/README.md, found " + checked);
    }
}
