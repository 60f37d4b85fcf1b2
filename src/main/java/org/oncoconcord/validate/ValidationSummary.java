package org.oncoconcord.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * The {@code --summary} JSON of {@code validate} (docs/CONTRACTS.md): the genome build the run
 * uses and its evidence, counts, and the warnings, for the pipeline and the report.
 */
final class ValidationSummary {
    private ValidationSummary() {
    }

    static String json(ReferenceCheck.Outcome reference, SamplesheetValidator.Result sheet, List<Problem> problems, Path fasta) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("genome", reference.genome() == GenomeBuild.UNKNOWN ? "unknown" : reference.genome().name());
        root.put("genome_evidence", reference.evidence());
        root.put("fasta", fasta == null ? null : fasta.toString()); // as given: a staged absolute path would differ between runs
        ObjectNode counts = root.putObject("counts");
        counts.put("samples", sheet.samples().size());
        counts.put("patients", sheet.samples().stream().map(SampleRow::patient).distinct().count());
        Map<String, Integer> byType = new TreeMap<>();
        sheet.samples().forEach(s -> byType.merge(s.type(), 1, Integer::sum));
        ObjectNode types = counts.putObject("by_type");
        byType.forEach(types::put);
        Map<String, Integer> byBuild = new TreeMap<>();
        sheet.vcfs().forEach(v -> byBuild.merge(v.info().build().known() ? v.info().build().build().name() : "unknown", 1, Integer::sum));
        ObjectNode builds = counts.putObject("vcfs_by_genome");
        byBuild.forEach(builds::put);
        counts.put("errors", problems.stream().filter(Problem::isError).count());
        counts.put("warnings", problems.stream().filter(p -> !p.isError()).count());
        ArrayNode warnings = root.putArray("warnings");
        problems.stream().filter(p -> !p.isError()).forEach(p -> warnings.add(p.format()));
        try {
            return om.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
