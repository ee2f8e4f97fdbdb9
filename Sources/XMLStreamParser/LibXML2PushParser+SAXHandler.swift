import CLibXML2
import XMPPCore

/// Recovers the parser from libxml2's `userData` (set with `Unmanaged.passUnretained` in `init`; the parser
/// outlives its context, which it frees in `deinit`).
private func parser(_ userData: UnsafeMutableRawPointer?) -> LibXML2PushParser? {
    guard let userData else { return nil }
    return Unmanaged<LibXML2PushParser>.fromOpaque(userData).takeUnretainedValue()
}

extension LibXML2PushParser {
    /// The SAX2 handler of security.md §4.4.3: element and text callbacks, and a restricted-xml stop for every
    /// DTD, entity, comment and processing-instruction callback.
    static func makeSAXHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = clibxml2_sax2_magic()

        handler.startDocument = { userData in parser(userData)?.startDocument() }
        handler.startElementNs = {
            userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            parser(userData)?.startElement(
                localName: localName,
                prefix: prefix,
                uri: uri,
                namespaceCount: Int(namespaceCount),
                namespaces: namespaces,
                attributeCount: Int(attributeCount),
                attributes: attributes
            )
        }
        handler.endElementNs = { userData, _, _, _ in parser(userData)?.endElement() }
        handler.characters = { userData, bytes, count in parser(userData)?.characters(bytes, count: Int(count)) }
        // With keepBlanks (the default) libxml2 reports whitespace through `characters`; set this too so that
        // whitespace is never dropped whatever the library decides.
        handler.ignorableWhitespace = { userData, bytes, count in
            parser(userData)?.characters(bytes, count: Int(count))
        }
        handler.cdataBlock = { userData, bytes, count in parser(userData)?.characters(bytes, count: Int(count)) }

        // RFC 6120 §11.1: no DTD, no entity declarations or references beyond the predefined five.
        handler.internalSubset = { userData, _, _, _ in
            parser(userData)?.fail(.restrictedXML(.documentTypeDeclaration))
        }
        handler.externalSubset = { userData, _, _, _ in
            parser(userData)?.fail(.restrictedXML(.documentTypeDeclaration))
        }
        handler.entityDecl = { userData, _, _, _, _, _ in
            parser(userData)?.fail(.restrictedXML(.documentTypeDeclaration))
        }
        handler.elementDecl = { userData, _, _, _ in parser(userData)?.fail(.restrictedXML(.documentTypeDeclaration)) }
        handler.attributeDecl = { userData, _, _, _, _, _, tree in
            // libxml2 hands ownership of the enumeration to this callback.
            if let tree { xmlFreeEnumeration(tree) }
            parser(userData)?.fail(.restrictedXML(.documentTypeDeclaration))
        }
        handler.notationDecl = { userData, _, _, _ in parser(userData)?.fail(.restrictedXML(.documentTypeDeclaration)) }
        handler.unparsedEntityDecl = { userData, _, _, _, _ in
            parser(userData)?.fail(.restrictedXML(.documentTypeDeclaration))
        }
        handler.resolveEntity = { userData, _, _ in
            parser(userData)?.fail(.restrictedXML(.entityReference))
            return nil
        }
        // Predefined entities never reach these: libxml2 resolves them before asking the handler.
        handler.getEntity = { userData, _ in
            parser(userData)?.fail(.restrictedXML(.entityReference))
            return nil
        }
        handler.getParameterEntity = { userData, _ in
            parser(userData)?.fail(.restrictedXML(.entityReference))
            return nil
        }
        handler.reference = { userData, _ in parser(userData)?.fail(.restrictedXML(.entityReference)) }
        handler.comment = { userData, _ in parser(userData)?.fail(.restrictedXML(.comment)) }
        handler.processingInstruction = { userData, _, _ in
            parser(userData)?.fail(.restrictedXML(.processingInstruction))
        }

        // Structured errors replace libxml2's default of printing to stderr.
        handler.serror = { userData, error in
            guard let error else { return }
            parser(userData)?.libraryError(code: error.pointee.code, level: error.pointee.level)
        }
        return handler
    }
}
