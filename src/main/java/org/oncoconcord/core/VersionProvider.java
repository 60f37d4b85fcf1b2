package org.oncoconcord.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the project version written into {@code version.properties} at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The tool version, e.g. {@code 0.1.0}, or {@code unknown} outside a build. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/oncoconcord/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"oncoconcord " + version()};
    }
}
