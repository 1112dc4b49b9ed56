package audit

// The actions recorded for custom domains.
const (
	DomainAdded            Action = "DOMAIN_ADDED"
	DomainVerified         Action = "DOMAIN_VERIFIED"
	DomainVerifiedManually Action = "DOMAIN_VERIFIED_MANUALLY"
	DomainRemoved          Action = "DOMAIN_REMOVED"
)
