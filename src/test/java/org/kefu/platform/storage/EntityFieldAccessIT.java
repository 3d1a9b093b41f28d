package org.kefu.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hibernate reads and writes an entity's state through a class it generates, which reads every field in one
 * call, only when none of the entity's persistent fields is private or final. Otherwise it falls back to one
 * reflective access per field, for every insert, load and dirty check (4 % of a new ticket's request CPU was
 * {@code GetterFieldImpl}/{@code SetterFieldImpl}). A private or final persistent field fails here, by name.
 */
class EntityFieldAccessIT extends IntegrationTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void everyEntityIsReadAndWrittenThroughAGeneratedAccessor() {
        var metamodel = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
        List<String> reflective = new ArrayList<>();
        List<EntityPersister> persisters = new ArrayList<>();
        metamodel.forEachEntityDescriptor(persisters::add);
        for (EntityPersister persister : persisters) {
            var optimizer = persister.getRepresentationStrategy().getReflectionOptimizer();
            if (optimizer == null || optimizer.getAccessOptimizer() == null) {
                reflective.add(persister.getEntityName() + " " + blockingFields(persister.getMappedClass()));
            }
        }
        assertThat(persisters).hasSizeGreaterThan(20);
        assertThat(reflective).as("entities whose fields Hibernate reads by reflection").isEmpty();
    }

    private static List<String> blockingFields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !f.isAnnotationPresent(jakarta.persistence.Transient.class)
                        && (Modifier.isPrivate(m) || Modifier.isFinal(m))) {
                    fields.add(f.getName());
                }
            }
        }
        return fields;
    }
}
