package org.zhenwu.hotline.open311;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one Open311 document in either format from the same neutral shape: objects are ordered maps
 * (element name → value), lists are {@link Items}. XML gets the spec's element names, JSON the spec's arrays.
 */
@Component
class Open311Writer {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final JsonMapper json;

    Open311Writer(JsonMapper json) {
        this.json = json;
    }

    /** The response format, chosen by the extension of the path ({@code services.xml}, {@code services.json}). */
    enum Format {
        XML(new MediaType("text", "xml", StandardCharsets.UTF_8)),
        JSON(new MediaType("application", "json", StandardCharsets.UTF_8));

        final MediaType mediaType;

        Format(MediaType mediaType) {
            this.mediaType = mediaType;
        }

        static Format of(String extension) {
            if (extension != null) {
                switch (extension.toLowerCase(Locale.ROOT)) {
                    case "xml":
                        return XML;
                    case "json":
                        return JSON;
                    default:
                        break;
                }
            }
            throw Open311Exception.notFound("format '" + extension + "' is not supported: use .xml or .json");
        }

        /** The format of an error: the path's extension if it names one, otherwise XML (the spec's required format). */
        static Format ofPath(String path) {
            return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
        }
    }

    /** A list: an array in JSON, repeated {@code <item>} elements in XML. */
    record Items(String item, List<?> values) {
    }

    ResponseEntity<String> ok(Format format, String root, Object body) {
        return respond(200, format, root, body);
    }

    ResponseEntity<String> respond(int status, Format format, String root, Object body) {
        String text = format == Format.JSON ? json.writeValueAsString(toJson(body)) : toXml(root, body);
        return ResponseEntity.status(status).contentType(format.mediaType).body(text);
    }

    // ---- JSON ---------------------------------------------------------------------------------------------

    private JsonNode toJson(Object body) {
        if (body instanceof Items items) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.values().forEach(v -> add(array, v));
            return array;
        }
        if (body instanceof Map<?, ?> map) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            map.forEach((k, v) -> put(object, (String) k, v));
            return object;
        }
        throw new IllegalArgumentException("not a document: " + body);
    }

    private void put(ObjectNode object, String key, Object value) {
        if (value == null) {
            object.putNull(key);
        } else if (value instanceof String s) {
            object.put(key, s);
        } else if (value instanceof Boolean b) {
            object.put(key, b.booleanValue());
        } else if (value instanceof BigDecimal d) {
            object.put(key, d);
        } else if (value instanceof Number n) {
            object.put(key, n.longValue());
        } else {
            object.set(key, toJson(value));
        }
    }

    private void add(ArrayNode array, Object value) {
        if (value == null) {
            array.addNull();
        } else if (value instanceof String s) {
            array.add(s);
        } else if (value instanceof Boolean b) {
            array.add(b.booleanValue());
        } else if (value instanceof BigDecimal d) {
            array.add(d);
        } else if (value instanceof Number n) {
            array.add(n.longValue());
        } else {
            array.add(toJson(value));
        }
    }

    // ---- XML ----------------------------------------------------------------------------------------------

    private static String toXml(String root, Object body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, body);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Items items) {
            for (Object v : items.values()) {
                element(xml, items.item(), v);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(xml, (String) e.getKey(), e.getValue());
            }
        } else {
            xml.writeCharacters(xmlSafe(value instanceof BigDecimal d ? d.toPlainString() : value.toString()));
        }
        xml.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters a client may have sent in a description). */
    private static String xmlSafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
