package app

import "strings"

// trackingParams are the parameters that mail, social and advertising sites add to links on
// their way (Google Analytics, Facebook, Google and Microsoft Ads, Mailchimp, ...). They say
// nothing to nnviz, and a learner cannot remove them, so ParseQuery ignores them rather than
// list them as problems.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "yclid": true,
	"igshid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "mkt_tok": true, "ref": true,
}

// isTrackingParam reports whether the parameter name is a well-known tracking parameter:
// utm_source, utm_medium and every other utm_ name, or one of trackingParams. Names are
// compared in lower case, as the sites write them either way.
func isTrackingParam(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "utm_") || trackingParams[n]
}
