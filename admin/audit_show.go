package admin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/newsroom/newsroom/auth"
	"github.com/newsroom/newsroom/store"
)

type auditRow struct {
	When, Actor, Action, Target, Detail, IP string
}

// auditActions are the message IDs of audited actions, literal for the locale test.
var auditActions = map[store.AuditAction]string{
	store.AuditLogin: "admin.audit.login", store.AuditLoginFailed: "admin.audit.login_failed",
	store.AuditLogout: "admin.audit.logout", store.AuditPublish: "admin.audit.publish",
	store.AuditUnpublish: "admin.audit.unpublish", store.AuditDelete: "admin.audit.delete",
	store.AuditTrash: "trash.audit.trash", store.AuditInvite: "invite.audit", store.AuditRestore: "trash.audit.restore",
	store.AuditRoleChange: "admin.audit.role_change", store.AuditPasswordChange: "admin.audit.password_change",
	store.AuditUserCreate: "admin.audit.user_create", auditSchedule: "admin.audit.schedule",
	auditSubmit: "admin.audit.submit", auditRestore: "admin.audit.restore",
	auditEditLive: "pending.audit.edit_live", auditPending: "pending.audit.pending",
	auditApprove: "pending.audit.approve", auditReject: "pending.audit.reject",
	store.AuditLoginThrottled: "admin.audit.login_throttled", store.AuditLoginUnlocked: "admin.audit.login_unlocked",
}

// auditShow lists the newest entries of the audit log (admins only).
func (a *Admin) auditShow(c *gin.Context) {
	u, ok := a.userMay(c, auth.ActViewAudit)
	if !ok {
		return
	}
	entries, err := a.store.Audit(c.Request.Context(), 200)
	if err != nil {
		a.fail(c, err)
		return
	}
	l := a.langFor(c, u)
	rows := make([]auditRow, 0, len(entries))
	for _, e := range entries {
		act := string(e.Action)
		if id, ok := auditActions[e.Action]; ok {
			act = l.T(id)
		}
		rows = append(rows, auditRow{When: e.At.In(a.langs.Location()).Format("2006-01-02 15:04:05"),
			Actor: e.Actor, Action: act, Target: e.Target, Detail: e.Detail, IP: e.IP})
	}
	p := a.page(c, l, l.T("admin.audit.title"))
	p.Data = struct {
		frame
		Rows []auditRow
	}{a.frame(c, l), rows}
	a.show(c, http.StatusOK, "audit", p)
}
