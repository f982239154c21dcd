package app.financetracker.transaction.category;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @Operation(operationId = "listCategories", summary = "All categories, by name")
    @GetMapping
    List<CategoryResponse> list() {
        return categories.all(CurrentEntity.id()).stream().map(CategoryResponse::of).toList();
    }

    @Operation(operationId = "getCategory", summary = "One category")
    @GetMapping("/{id}")
    CategoryResponse get(@PathVariable String id) {
        return categories.find(CurrentEntity.id(), id).map(CategoryResponse::of)
                .orElseThrow(() -> new NotFoundException("Category", id));
    }

    @Operation(operationId = "createCategory", summary = "Creates a category")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<CategoryResponse> create(@Valid @RequestBody CategoryRequest request) {
        Category created = categories.create(CurrentEntity.id(), request);
        return ResponseEntity.created(URI.create("/api/categories/" + created.id())).body(CategoryResponse.of(created));
    }

    @Operation(operationId = "updateCategory", summary = "Renames or recolours a category")
    @PutMapping("/{id}")
    CategoryResponse update(@PathVariable String id, @Valid @RequestBody CategoryRequest request) {
        return CategoryResponse.of(categories.update(CurrentEntity.id(), id, request));
    }

    @Operation(operationId = "deleteCategory", summary = "Deletes a category no transaction uses")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        categories.delete(CurrentEntity.id(), id);
        return ResponseEntity.noContent().build();
    }

    record CategoryResponse(String id, String name, String color, long version) {

        static CategoryResponse of(Category category) {
            return new CategoryResponse(category.id(), category.name(), category.color(), category.version());
        }
    }
}
