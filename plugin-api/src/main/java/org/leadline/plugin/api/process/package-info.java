/** Extension point {@link org.leadline.plugin.api.process.ProcessDefinition}: a sales process as ordered stages. */
@Beta("used by the process feature, which is not released yet")
package org.leadline.plugin.api.process;

import org.leadline.plugin.api.Beta;
