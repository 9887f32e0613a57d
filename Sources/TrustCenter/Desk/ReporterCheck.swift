/// Checks a reporter's contact details and decides whether the report is anonymous.
enum ReporterCheck {
    static func reporter(from contact: ReporterContact?, category: Category) throws(InputError) -> Reporter {
        let name = try contact.flatMap { c throws(InputError) in
            try TextCheck.text(c.name, field: "name", maximumLength: 200, multiline: false)
        }
        let email = try contact?.email.flatMap { e throws(InputError) in
            try TextCheck.text(e, field: "email", maximumLength: 254, multiline: false)
        }
        let phone = try contact?.phone.flatMap { p throws(InputError) in
            try TextCheck.text(p, field: "phone", maximumLength: 40, multiline: false)
        }
        if let email, !TextCheck.isPlausibleEmail(email) {
            throw InputError(field: "email", message: "email is not an email address")
        }
        if let phone, !phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-().".contains($0)) }) {
            throw InputError(field: "phone", message: "phone may hold digits, spaces and + - ( ) . only")
        }
        guard let name else {
            if contact != nil {
                throw InputError(field: "name", message: "name is required when you choose to give your name")
            }
            if category == .rightsRequest {
                throw InputError(
                    field: "name",
                    message:
                        "a rights request cannot be anonymous: give your name and an email or phone, so the answer reaches you"
                )
            }
            return .anonymous
        }
        if category == .rightsRequest, email == nil, phone == nil {
            throw InputError(
                field: "email", message: "a rights request needs an email or phone, so the answer reaches you")
        }
        return .named(ReporterContact(name: name, email: email, phone: phone))
    }
}
