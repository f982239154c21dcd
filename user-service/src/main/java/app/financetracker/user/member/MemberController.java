package app.financetracker.user.member;

import app.financetracker.kit.web.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    /** Members, searched by {@code q} in name, e-mail and phone; sort by lastName, firstName, email, createdAt, outstanding. */
    @GetMapping
    PageResponse<MemberResponse> list(@RequestParam(required = false) String q,
                                      @PageableDefault(size = 20, sort = "lastName") Pageable pageable) {
        return members.list(q, pageable);
    }

    @GetMapping("/{id}")
    MemberResponse get(@PathVariable String id) {
        return members.get(id);
    }

    @PostMapping
    ResponseEntity<MemberResponse> create(@Valid @RequestBody MemberRequest request) {
        MemberResponse created = members.create(request);
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    MemberResponse update(@PathVariable String id, @Valid @RequestBody MemberRequest request) {
        return members.update(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        members.delete(id);
        return ResponseEntity.noContent().build();
    }
}
