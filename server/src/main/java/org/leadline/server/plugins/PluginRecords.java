package org.leadline.server.plugins;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The durable part of the platform administrator's plugin decisions. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PluginRecords {

    @PersistenceContext(unitName = "leadline")
    EntityManager em;

    public Map<String, PluginRecord.State> all() {
        Map<String, PluginRecord.State> states = new HashMap<>();
        List<PluginRecord> rows = em.createQuery("SELECT r FROM PluginRecord r", PluginRecord.class).getResultList();
        rows.forEach(r -> states.put(r.pluginId(), r.state()));
        return states;
    }

    public void set(String pluginId, PluginRecord.State state) {
        PluginRecord r = em.find(PluginRecord.class, pluginId);
        if (r == null) {
            em.persist(new PluginRecord(pluginId, state));
        } else {
            r.change(state);
        }
    }

    public void clear(String pluginId) {
        PluginRecord r = em.find(PluginRecord.class, pluginId);
        if (r != null) {
            em.remove(r);
        }
    }
}
