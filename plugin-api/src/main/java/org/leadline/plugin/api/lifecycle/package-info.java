/** Extension point {@link org.leadline.plugin.api.lifecycle.LeadLifecycleListener}: observe what happens to leads. */
@Stable(since = "1.0")
package org.leadline.plugin.api.lifecycle;

import org.leadline.plugin.api.Stable;
