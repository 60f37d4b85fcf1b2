package org.oncoconcord.report;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.oncoconcord.io.AtomicFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a JFreeChart as {@code NAME.svg} (Batik's SVG generator) and {@code NAME.png} (2x
 * resolution), and returns the SVG for inlining in HTML, its ids prefixed with the chart name so
 * several inline SVGs never share a clip-path id, and the items a renderer gave a tooltip as
 * {@code <title>} rectangles over them. Runs headless.
 */
public final class ChartFiles {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /**
     * A chart written to disk: its name and the inline markup (SVG, or an {@code <img>} of a raster chart), and for a
     * raster chart its data area in chart units (null otherwise), which maps a point of the image to data values.
     */
    public record Written(String name, String inlineSvg, int width, int height, Rectangle2D dataArea) {
        public Written(String name, String inlineSvg, int width, int height) {
            this(name, inlineSvg, width, height, null);
        }
    }

    public static Written write(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        return write(chart, dir, name, width, height, false);
    }

    /**
     * As {@link #write(JFreeChart, Path, String, int, int)}; with {@code raster} the page gets the
     * chart as an inline PNG ({@code <img>} with a data URI, 1.5x resolution) instead of the SVG
     * markup, for charts with many thousands of shapes (large cohorts), which a browser lays out slowly;
     * the SVG file is written beside it all the same.
     */
    public static Written write(JFreeChart chart, Path dir, String name, int width, int height, boolean raster) throws IOException {
        String svg = svg(chart, name, width, height);
        AtomicFiles.writeString(dir.resolve(name + ".svg"), svg);
        AtomicFiles.write(dir.resolve(name + ".png"), tmp -> ImageIO.write(png(chart, width, height, 2), "png", tmp.toFile()));
        if (!raster) {
            return new Written(name, svg.substring(svg.indexOf("<svg")), width, height);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width * 3 / 2, height * 3 / 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(1.5, 1.5);
        ChartRenderingInfo info = new ChartRenderingInfo(null); // the data area only: no entity per item
        chart.draw(g, new Rectangle(width, height), info);
        g.dispose();
        ImageIO.write(img, "png", bytes);
        String alt = chart.getTitle() == null ? name : chart.getTitle().getText();
        String tag = "<img class=\"raster\" width=\"" + width + "\" height=\"" + height + "\" alt=\"" + Html.esc(alt) + "\" src=\"data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(bytes.toByteArray()) + "\">";
        return new Written(name, tag, width, height, info.getPlotInfo().getDataArea().getBounds2D());
    }

    static BufferedImage png(JFreeChart chart, int width, int height, int scale) {
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        chart.draw(g, new Rectangle(width, height));
        g.dispose();
        return img;
    }

    static String svg(JFreeChart chart, String name, int width, int height) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("oncoconcord report: " + name + " (JFreeChart, Batik SVG generator)");
        ctx.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
                return super.generateID(name + "-" + prefix);
            }
        });
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle(width, height), info);
        Element root = g.getRoot();
        Element tips = tooltips(doc, info);
        if (tips != null) {
            root.appendChild(tips);
        }
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", chart.getTitle() == null ? name : chart.getTitle().getText());
        StringWriter w = new StringWriter();
        g.stream(root, w, true, false);
        g.dispose();
        // no DOCTYPE (it names an external DTD) and no id shared between charts inlined in one page
        String text = w.toString();
        text = text.substring(text.indexOf("<svg")).replace("id=\"genericDefs\"", "id=\"" + name + "-genericDefs\"");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text;
    }

    /**
     * The items drawn with a tooltip (a renderer's tooltip generator returning text) as transparent
     * rectangles over them, each with an SVG {@code <title>} (the browser's tooltip); null when none.
     */
    static Element tooltips(Document doc, ChartRenderingInfo info) {
        Element group = null;
        for (Object o : info.getEntityCollection().getEntities()) {
            if (!(o instanceof ChartEntity e) || e instanceof LegendItemEntity || e.getToolTipText() == null || e.getToolTipText().isEmpty()) {
                continue;
            }
            if (group == null) {
                group = doc.createElementNS(SVG_NS, "g");
                group.setAttribute("class", "tooltips");
            }
            Rectangle2D b = e.getArea().getBounds2D();
            Element rect = doc.createElementNS(SVG_NS, "rect");
            rect.setAttribute("x", num(b.getX()));
            rect.setAttribute("y", num(b.getY()));
            rect.setAttribute("width", num(b.getWidth()));
            rect.setAttribute("height", num(b.getHeight()));
            rect.setAttribute("fill", "none");
            rect.setAttribute("pointer-events", "all");
            Element title = doc.createElementNS(SVG_NS, "title");
            title.setTextContent(e.getToolTipText());
            rect.appendChild(title);
            group.appendChild(rect);
        }
        return group;
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    static void delete(Path dir, String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name + ".svg"));
        Files.deleteIfExists(dir.resolve(name + ".png"));
    }
}
