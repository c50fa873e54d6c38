/** Extension point {@link org.leadline.plugin.api.source.LeadSource}: turn inbound material into lead drafts. */
@Beta("used by the capture feature, which is not released yet")
package org.leadline.plugin.api.source;

import org.leadline.plugin.api.Beta;
