extension Catalogue {
    /// The texts of the pages themselves, which every language must have.
    public static let pageKeys: [String] =
        [
            "ui.title", "ui.intro", "ui.privacy", "ui.language", "ui.next", "ui.back", "ui.send", "ui.optional",
            "ui.yes", "ui.no", "ui.choose", "ui.errorSummary", "ui.step", "ui.entity", "ui.dateTimeHint",
            "ui.identity.title", "ui.identity.question", "ui.identity.anonymous", "ui.identity.anonymousInfo",
            "ui.identity.named", "ui.identity.rightsInfo", "ui.identity.name", "ui.identity.email", "ui.identity.phone",
            "ui.review.title", "ui.review.intro", "ui.review.reporter", "ui.review.anonymous", "ui.review.company",
            "ui.receipt.title", "ui.receipt.reference", "ui.receipt.key", "ui.receipt.keep", "ui.receipt.return",
            "ui.followUp.title", "ui.followUp.intro", "ui.followUp.key", "ui.followUp.open", "ui.followUp.wrongKey",
            "ui.followUp.expired", "ui.followUp.status", "ui.followUp.messages",
            "ui.followUp.none", "ui.followUp.fromYou", "ui.followUp.fromUs", "ui.followUp.reply",
            "ui.followUp.sendReply",
            "ui.followUp.replySent", "ui.followUp.link", "ui.followUp.spent", "ui.followUp.end", "ui.followUp.ended",
            "error.formToken", "error.alreadySent", "error.name", "error.contact", "error.email", "error.phone",
            "error.identity", "error.tooLarge", "error.unavailable",
        ] + CaseStatus.allCases.map { "status.\($0.rawValue)" }
}
