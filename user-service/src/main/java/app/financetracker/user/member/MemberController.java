package app.financetracker.user.member;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
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

/** Members of the request's entity (DESIGN §9): the entity comes from {@link CurrentEntity}, never from the body. */
@RestController
@RequestMapping("/api/users")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    /**
     * Members, searched by {@code q} in name, e-mail, phone and reference (typed with or without {@code +}, {@code /}
     * and spaces), in any of the {@code tag}s, archived ones only with {@code archived=true}; sort by lastName,
     * firstName, email, createdAt, outstanding.
     */
    @Operation(operationId = "listMembers", summary = "Members, searched and paged")
    @GetMapping
    PageResponse<MemberResponse> list(@RequestParam(required = false) String q,
                                      @RequestParam(name = "tag", required = false) List<String> tags,
                                      @RequestParam(defaultValue = "false") boolean archived, @ParameterObject
                                      @PageableDefault(size = 20, sort = "lastName") Pageable pageable) {
        return members.list(CurrentEntity.id(), new MemberFilter(q, tags, archived), pageable);
    }

    @Operation(operationId = "getMember", summary = "One member with their balance")
    @GetMapping("/{id}")
    MemberResponse get(@PathVariable String id) {
        return members.get(CurrentEntity.id(), id);
    }

    @Operation(operationId = "createMember", summary = "Creates a member")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<MemberResponse> create(@Valid @RequestBody MemberRequest request) {
        MemberResponse created = members.create(CurrentEntity.id(), request);
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @Operation(operationId = "updateMember", summary = "Changes a member")
    @PutMapping("/{id}")
    MemberResponse update(@PathVariable String id, @Valid @RequestBody MemberRequest request) {
        return members.update(CurrentEntity.id(), id, request);
    }

    @Operation(operationId = "archiveMember", summary = "Archives a member: out of lists and billing runs, history kept")
    @PostMapping("/{id}/archive")
    MemberResponse archive(@PathVariable String id) {
        return members.archive(CurrentEntity.id(), id, true);
    }

    @Operation(operationId = "unarchiveMember", summary = "Brings an archived member back")
    @PostMapping("/{id}/unarchive")
    MemberResponse unarchive(@PathVariable String id) {
        return members.archive(CurrentEntity.id(), id, false);
    }

    @Operation(operationId = "deleteMember", summary = "Deletes a member and their transactions")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        members.delete(CurrentEntity.id(), id);
        return ResponseEntity.noContent().build();
    }
}
