/**
 * The one way out of the server for a plugin: {@link org.leadline.plugin.api.net.Egress}, handed
 * to every call in {@link org.leadline.plugin.api.PluginContext#egress()}. A plugin never opens a
 * socket or an HTTP client of its own; every connection goes through the server's egress policy,
 * which a platform administrator configures (since 1.1).
 */
@Stable(since = "1.1")
package org.leadline.plugin.api.net;

import org.leadline.plugin.api.Stable;
