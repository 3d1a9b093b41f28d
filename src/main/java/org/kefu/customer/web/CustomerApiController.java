package org.kefu.customer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.kefu.customer.CustomerChanges;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.CustomerQuery;
import org.kefu.customer.MergingCustomers;
import org.kefu.customer.NewCustomer;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customers")
class CustomerApiController {

    private final CustomerDirectory directory;
    private final MergingCustomers merging;

    CustomerApiController(CustomerDirectory directory, MergingCustomers merging) {
        this.directory = directory;
        this.merging = merging;
    }

    @GetMapping("/customers")
    @Operation(summary = "List customers, newest first; q searches name, email and phone")
    @Transactional(readOnly = true)
    Slice<CustomerView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return directory.list(new CustomerQuery(q, email, phone, tier, organisation, tag), cursor, PageLimit.of(limit))
                .map(CustomerView::of);
    }

    @PostMapping("/customers")
    @Operation(summary = "Create a customer")
    @Transactional
    ResponseEntity<CustomerView> create(@Valid @RequestBody NewCustomer body) {
        CustomerView view = CustomerView.of(directory.create(body));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + view.id())).body(view);
    }

    @GetMapping("/customers/{id}")
    @Transactional(readOnly = true)
    CustomerView get(@PathVariable long id) {
        return CustomerView.of(directory.get(id));
    }

    @PatchMapping("/customers/{id}")
    @Operation(summary = "Change a customer; fields left out stay as they are")
    @Transactional
    CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerChanges body) {
        return CustomerView.of(directory.update(id, body));
    }

    record MergeRequest(@NotNull Long duplicateId) {
    }

    @PostMapping("/customers/{id}/merge")
    @Operation(summary = "Merge the duplicate customer into this one; its tickets and contacts move here")
    @Transactional
    CustomerView merge(@PathVariable long id, @Valid @RequestBody MergeRequest body, Actor actor) {
        return CustomerView.of(merging.merge(body.duplicateId(), id, actor));
    }

    record TierRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name, @NotNull Integer rank) {
    }

    @GetMapping("/customer-tiers")
    @Transactional(readOnly = true)
    List<CustomerView.TierView> tiers() {
        return directory.tiers().stream().map(CustomerView.TierView::of).toList();
    }

    @PostMapping("/customer-tiers")
    @Operation(summary = "Add a customer tier (admin)")
    @Transactional
    ResponseEntity<CustomerView.TierView> createTier(@Valid @RequestBody TierRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        CustomerView.TierView view = CustomerView.TierView.of(directory.createTier(body.code(), body.name(), body.rank()));
        return ResponseEntity.created(URI.create("/api/v1/customer-tiers/" + view.id())).body(view);
    }

    @PatchMapping("/customer-tiers/{id}")
    @Transactional
    CustomerView.TierView updateTier(@PathVariable long id, @Valid @RequestBody TierRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return CustomerView.TierView.of(directory.updateTier(id, body.name(), body.rank()));
    }
}
