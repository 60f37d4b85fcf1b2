package org.oncoconcord.hpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarFile;

/** The packaged jar: its path, version (manifest Implementation-Version) and SHA-256. */
final class ProjectVersion {
    private ProjectVersion() {
    }

    static Path jar() {
        return Path.of(System.getProperty("oncoconcord.jar",
                PipelineRun.projectDir().resolve("target/oncoconcord.jar").toString()));
    }

    static String version() throws IOException {
        try (JarFile jf = new JarFile(jar().toFile())) {
            return jf.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
