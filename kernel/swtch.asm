; swtch.asm - switch kernel stacks (the context switch).
;
; void swtch(struct context **save, struct context *load);
;
; Pushes the callee-saved registers on the current kernel stack, stores
; the resulting stack pointer in *save, loads `load` as the stack pointer
; and pops the registers saved there; the final ret resumes the other
; thread where it called swtch (or, for a new process, at the address its
; creator put in struct context).  Layout must match struct context.

section .text
global swtch
swtch:
	mov eax, [esp + 4]	; save
	mov edx, [esp + 8]	; load
	push ebp
	push ebx
	push esi
	push edi
	mov [eax], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret
