package org.oncoconcord.survival;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.OutputSet;

/**
 * The outputs of one survival command, written all or none: tables and JSON are kept until
 * {@link #commit()}, which writes them through an {@link OutputSet} (temporary files, then renames),
 * so a command that fails (or whose last output cannot be written) leaves none of its files.
 * Writing a file again before the commit replaces its content.
 */
final class Outputs {
    private final Map<Path, String> files = new LinkedHashMap<>();

    /** A TSV table: header then rows of already formatted cells. */
    void tsv(Path file, List<String> header, List<List<String>> rows) {
        files.put(file.toAbsolutePath().normalize(), Output.tsvText(header, rows));
    }

    /** A JSON document. */
    void json(Path file, Object value) {
        files.put(file.toAbsolutePath().normalize(), Output.jsonText(value));
    }

    /** Writes every output, or none (exit 1 naming the file and the system's reason). */
    void commit() {
        try (OutputSet set = new OutputSet()) {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Path tmp = set.add(e.getKey());
                try {
                    Files.writeString(tmp, e.getValue());
                } catch (IOException ex) {
                    throw new IOException(e.getKey() + ": cannot write: " + OutputSet.reason(ex), ex);
                }
            }
            set.commit();
        } catch (IOException e) {
            throw new UserException(e.getMessage() + " (no output written)");
        }
        files.clear();
    }
}
