package despatch.article;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML part of a Word document as a small tree, read with StAX: no DTD and no external entity
 * is ever resolved (an entity trick is refused as unreadable), elements and attributes by local
 * name (Word's transitional and strict namespaces alike), text kept as it is.
 */
record DocxXml(String name, Map<String, String> attributes, List<Object> children) {

    static DocxXml parse(byte[] xml, String part) throws ArticleRejectedException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            List<DocxXml> open = new ArrayList<>();
            DocxXml root = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new HashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        DocxXml element = new DocxXml(reader.getLocalName(), attributes, new ArrayList<>());
                        if (!open.isEmpty()) {
                            open.getLast().children().add(element);
                        } else {
                            root = element;
                        }
                        open.add(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.removeLast();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.getLast().children().add(reader.getText());
                        }
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new ArticleRejectedException(new Problem("file", "This Word document was not read: its " + part
                                    + " declares its own entities, which Word never writes. Save it again as a Word Document (.docx)."));
                    default -> { }
                }
            }
            if (root == null) {
                throw new XMLStreamException("empty");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new ArticleRejectedException(new Problem("file", "This Word document was not read: its " + part + " is not"
                    + " well-formed XML. Open it in Word, LibreOffice or Google Docs, save it as a Word Document (.docx), and upload that."));
        }
    }

    List<DocxXml> elements() {
        return children.stream().filter(DocxXml.class::isInstance).map(DocxXml.class::cast).toList();
    }

    Optional<DocxXml> child(String localName) {
        return elements().stream().filter(element -> element.name().equals(localName)).findFirst();
    }

    List<DocxXml> all(String localName) {
        return elements().stream().filter(element -> element.name().equals(localName)).toList();
    }

    /** Every element of this name inside this one, at any depth, in document order. */
    List<DocxXml> descendants(String localName) {
        List<DocxXml> found = new java.util.ArrayList<>();
        java.util.ArrayDeque<DocxXml> stack = new java.util.ArrayDeque<>(elements().reversed());
        while (!stack.isEmpty()) {
            DocxXml element = stack.pop();
            if (element.name().equals(localName)) {
                found.add(element);
            }
            element.elements().reversed().forEach(stack::push);
        }
        return found;
    }

    String attribute(String localName) {
        return attributes.get(localName);
    }

    /** A property element's w:val, or null (as {@code <w:pStyle w:val="Heading1"/>}). */
    String value(String propertyName) {
        return child(propertyName).map(property -> property.attribute("val")).orElse(null);
    }

    /** Whether an on/off property is on: present, and not val="0", "false" or "off". */
    boolean on(String propertyName) {
        return child(propertyName).map(property -> property.attribute("val"))
                .map(val -> !val.equals("0") && !val.equals("false") && !val.equals("off")).orElse(child(propertyName).isPresent());
    }

    /** Whether this element or anything in it is one of these. */
    boolean contains(java.util.Set<String> names) {
        return names.contains(name) || elements().stream().anyMatch(element -> element.contains(names));
    }
}
