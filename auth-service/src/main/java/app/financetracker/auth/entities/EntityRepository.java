package app.financetracker.auth.entities;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EntityRepository extends MongoRepository<Entity, String> {

    Optional<Entity> findBySlug(String slug);
}
