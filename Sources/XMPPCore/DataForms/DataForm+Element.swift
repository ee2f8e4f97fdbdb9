extension DataForm {
    /// Reads `<x xmlns='jabber:x:data'/>` (XEP-0004 §3). `nil` for another element or an unknown form `type`;
    /// a missing `type` is read as `form`. Values are kept exactly as sent (hidden fields must be echoed
    /// unchanged); unknown child elements are ignored (XEP-0004 §3.2).
    public init?(parsing element: Element) {
        guard element.is("x", Namespace.dataForms) else { return nil }
        let typeName = element[attribute: "type"] ?? FormType.form.rawValue
        guard let type = FormType(rawValue: typeName) else { return nil }
        self.init(type: type)
        for child in element.elements where child.namespace == Namespace.dataForms {
            switch child.name {
            case "title": title = child.text
            case "instructions": instructions.append(child.text)
            case "field": fields.append(Field(parsing: child))
            case "reported": reportedFields = child.children("field", namespace: Namespace.dataForms).map(Field.init)
            case "item": items.append(child.children("field", namespace: Namespace.dataForms).map(Field.init))
            default: continue
            }
        }
    }

    /// The `<x xmlns='jabber:x:data'/>` element.
    public var element: Element {
        var form = Element("x", namespace: Namespace.dataForms, ["type": type.rawValue])
        if let title { form.append(Element("title", namespace: Namespace.dataForms, text: title)) }
        for text in instructions { form.append(Element("instructions", namespace: Namespace.dataForms, text: text)) }
        if !reportedFields.isEmpty {
            form.append(Element("reported", namespace: Namespace.dataForms, [:], reportedFields.map(\.element)))
        }
        for item in items {
            form.append(Element("item", namespace: Namespace.dataForms, [:], item.map(\.element)))
        }
        for field in fields { form.append(field.element) }
        return form
    }
}

extension DataForm.Field {
    /// Reads a `<field/>` element (XEP-0004 §3.2). An unknown `type` is kept as `nil` (processed as
    /// text-single).
    public init(parsing element: Element) {
        self.init(
            variable: element[attribute: "var"],
            type: element[attribute: "type"].flatMap(FieldType.init(rawValue:)),
            label: element[attribute: "label"]
        )
        for child in element.elements {
            if child.namespace == Namespace.mediaElement, let media = MediaElement(parsing: child) {
                self.media.append(media)
                continue
            }
            guard child.namespace == element.namespace else { continue }
            switch child.name {
            case "desc": descriptionText = child.text
            case "required": isRequired = true
            case "value": values.append(child.text)
            case "option":
                guard let value = child.child("value", namespace: element.namespace) else { continue }
                options.append(Option(label: child[attribute: "label"], value: value.text))
            default: continue
            }
        }
    }

    /// The full `<field/>` element: `var`, `type`, `label`, then `<desc/>`, `<required/>`, values, options, media.
    public var element: Element {
        var field = Element("field", namespace: Namespace.dataForms)
        if let variable { field[attribute: "var"] = variable }
        if let type { field[attribute: "type"] = type.rawValue }
        if let label { field[attribute: "label"] = label }
        if let descriptionText { field.append(Element("desc", namespace: Namespace.dataForms, text: descriptionText)) }
        if isRequired { field.append(Element("required", namespace: Namespace.dataForms)) }
        for value in values { field.append(Element("value", namespace: Namespace.dataForms, text: value)) }
        for option in options {
            var optionElement = Element(
                "option", namespace: Namespace.dataForms, [:],
                [Element("value", namespace: Namespace.dataForms, text: option.value)])
            if let label = option.label { optionElement[attribute: "label"] = label }
            field.append(optionElement)
        }
        for item in media { field.append(item.element) }
        return field
    }
}
