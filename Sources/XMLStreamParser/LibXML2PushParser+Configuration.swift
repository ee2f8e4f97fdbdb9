import CLibXML2

extension LibXML2PushParser {
    /// The security-relevant libxml2 options in effect, by name (`NOENT`, `DTDLOAD`, `DTDATTR`, `DTDVALID`,
    /// `HUGE`, `RECOVER`, `NONET`, `IGNORE_ENC`), plus `replaceEntities` and `loadsubset` when the context's own
    /// fields enable them. Tests pin this to exactly `NONET` and `IGNORE_ENC` (security.md §4.4.2).
    package var securityRelevantSettings: Set<String> {
        guard let context else { return [] }
        let options = UInt32(bitPattern: context.pointee.options)
        let named: [(String, xmlParserOption)] = [
            ("NOENT", XML_PARSE_NOENT), ("DTDLOAD", XML_PARSE_DTDLOAD), ("DTDATTR", XML_PARSE_DTDATTR),
            ("DTDVALID", XML_PARSE_DTDVALID), ("HUGE", XML_PARSE_HUGE), ("RECOVER", XML_PARSE_RECOVER),
            ("NONET", XML_PARSE_NONET), ("IGNORE_ENC", XML_PARSE_IGNORE_ENC),
        ]
        var settings = Set(named.filter { options & $0.1.rawValue != 0 }.map(\.0))
        if context.pointee.replaceEntities != 0 { settings.insert("replaceEntities") }
        if context.pointee.loadsubset != 0 { settings.insert("loadsubset") }
        if context.pointee.recovery != 0 { settings.insert("recovery") }
        return settings
    }
}
