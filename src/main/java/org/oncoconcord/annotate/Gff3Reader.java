package org.oncoconcord.annotate;

import htsjdk.tribble.TribbleException;
import htsjdk.tribble.annotation.Strand;
import htsjdk.tribble.gff.Gff3Codec;
import htsjdk.tribble.gff.Gff3Feature;
import htsjdk.tribble.readers.LineIterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oncoconcord.core.UserException;

/**
 * Reads Ensembl, GENCODE or RefSeq GFF3 (plain, gzip or BGZF: {@link ModelText}) with htsjdk's
 * {@link Gff3Codec} into one transcript per gene ({@link TranscriptModels} chooses it). {@code exon}, {@code CDS} and
 * {@code stop_codon} features name their transcript by {@code Parent}; a transcript's gene is its
 * {@code gene_name} (GENCODE) or {@code gene} (RefSeq) attribute, else its parent gene's
 * {@code Name}; its id is {@code transcript_id}, else its {@code ID} without Ensembl's
 * {@code transcript:} prefix; tags {@code MANE_Select} (Ensembl, GENCODE) and {@code MANE Select}
 * (RefSeq) rank it first. Children may come before their parents. Bad lines are errors naming
 * {@code file:line}.
 */
public final class Gff3Reader {
    private Gff3Reader() {
    }

    private record Part(int line, String type, List<String> parents, String chrom, Strand strand, int start, int end) {
    }

    private record Parent(String type, String chrom, Map<String, List<String>> attributes, List<String> parents) {
        Optional<String> first(String key) {
            List<String> v = attributes.get(key);
            return v == null || v.isEmpty() || v.get(0).isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    /** Reads {@code gff3}; a malformed line or inconsistent transcript is a {@link UserException} naming file and line. */
    public static TranscriptSet read(Path gff3) {
        Map<String, Parent> byId = new HashMap<>();
        List<Part> parts = new ArrayList<>();
        Gff3Codec codec = new Gff3Codec(Gff3Codec.DecodeDepth.SHALLOW);
        try (BufferedReader in = ModelText.open(gff3)) {
            CountingLines lines = new CountingLines(in);
            if (!lines.hasNext() || !lines.peek().startsWith("##gff-version 3")) {
                throw new UserException(gff3 + ":1: not GFF3: the first line must be '##gff-version 3'");
            }
            try {
                codec.readHeader(lines);
                while (!codec.isDone(lines)) {
                    Gff3Feature f = codec.decode(lines);
                    if (f == null) {
                        continue;
                    }
                    String type = f.getType();
                    if (type.equals("exon") || type.equals("CDS") || type.equals("stop_codon")) {
                        List<String> parents = f.getAttribute("Parent");
                        if (parents.isEmpty()) {
                            throw new UserException(gff3 + ":" + lines.number + ": " + type + " without a Parent attribute");
                        }
                        parts.add(new Part(lines.number, type, parents, f.getContig(), f.getStrand(), f.getStart(), f.getEnd()));
                    } else if (f.getID() != null) {
                        if (byId.put(f.getID(), new Parent(type, f.getContig(), f.getAttributes(), f.getAttribute("Parent"))) != null) {
                            throw new UserException(gff3 + ":" + lines.number + ": ID " + f.getID() + " is used twice");
                        }
                    }
                }
            } catch (TribbleException e) {
                throw new UserException(gff3 + ":" + lines.number + ": " + e.getMessage());
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof java.nio.charset.CharacterCodingException c) {
                    throw ModelText.notText(gff3, "GFF3", c);
                }
                throw new UserException(gff3 + ": cannot read: " + e.getCause().getMessage());
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ModelText.notText(gff3, "GFF3", e);
        } catch (IOException e) {
            throw new UserException(gff3 + ": cannot read: " + e.getMessage());
        }
        TranscriptModels models = new TranscriptModels(gff3);
        for (Part p : parts) {
            String where = gff3 + ":" + p.line() + ": ";
            if (p.strand() != Strand.POSITIVE && p.strand() != Strand.NEGATIVE) {
                throw new UserException(where + p.type() + " has no strand (+ or -)");
            }
            for (String parentId : p.parents()) {
                Parent tx = byId.get(parentId);
                if (tx == null) {
                    throw new UserException(where + "Parent " + parentId + " is not the ID of any feature in the file");
                }
                if (tx.type().endsWith("gene")) {
                    continue; // an exon straight under a gene (no transcript): nothing to model
                }
                String id = tx.first("transcript_id").orElse(parentId.replaceFirst("^transcript:", ""));
                String gene = tx.first("gene_name").or(() -> tx.first("gene"))
                        .or(() -> tx.parents().stream().map(byId::get).filter(g -> g != null)
                                .flatMap(g -> g.first("Name").or(() -> g.first("gene_name")).or(() -> g.first("gene_id")).stream()).findFirst())
                        .orElseThrow(() -> new UserException(where + "transcript " + parentId
                                + " has no gene_name or gene attribute and no parent gene with a Name"));
                models.add(p.line(), p.type(), id, gene, p.chrom(), p.strand() == Strand.POSITIVE, p.start(), p.end(),
                        TranscriptModels.rank(tx.attributes().getOrDefault("tag", List.of())));
            }
        }
        return models.build("GFF3");
    }

    /** htsjdk's line source, counting the lines handed out so that errors can name the line. */
    private static final class CountingLines implements LineIterator {
        private final BufferedReader in;
        private String next;
        int number;

        CountingLines(BufferedReader in) throws IOException {
            this.in = in;
            this.next = in.readLine();
        }

        @Override
        public String peek() {
            return next;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public String next() {
            String line = next;
            number++;
            try {
                next = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return line;
        }
    }
}
