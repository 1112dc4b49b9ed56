package audit

// The actions recorded by platform administration.
const (
	BusinessCreated            Action = "BUSINESS_CREATED"
	BusinessUpdated            Action = "BUSINESS_UPDATED"
	BusinessSuspended          Action = "BUSINESS_SUSPENDED"
	BusinessActivated          Action = "BUSINESS_ACTIVATED"
	BusinessDeleted            Action = "BUSINESS_DELETED"
	BusinessExported           Action = "BUSINESS_EXPORTED"
	BusinessPurged             Action = "BUSINESS_PURGED"
	OverridesChanged           Action = "OVERRIDES_CHANGED"
	BusinessInvited            Action = "BUSINESS_INVITED"
	BusinessInvitationAccepted Action = "BUSINESS_INVITATION_ACCEPTED"
	BusinessInvitationRevoked  Action = "BUSINESS_INVITATION_REVOKED"
	PlanSaved                  Action = "PLAN_SAVED"
	PlanDeleted                Action = "PLAN_DELETED"
	PlatformSettingsChanged    Action = "PLATFORM_SETTINGS_CHANGED"
	UserEnabled                Action = "USER_ENABLED"
	DemoCreated                Action = "DEMO_CREATED"
)
